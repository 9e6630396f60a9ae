using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using PlanTracker.Core.Text;

namespace PlanTracker.Web.Infrastructure;

/// <summary>
/// Every string a form, query or route binds is stored without the characters XML cannot carry
/// (<see cref="VietnameseText.XmlSafe"/>): one U+FFFF in a result once made every export answer 500, and one U+FFFE
/// made the save itself fail. Done once here so that no form can forget it.
/// </summary>
public static class XmlSafeStringBinding
{
    public static void Apply(IList<IModelBinderProvider> providers)
    {
        var simple = providers.OfType<SimpleTypeModelBinderProvider>().Single();
        providers[providers.IndexOf(simple)] = new Provider(simple);
    }

    private sealed class Provider(SimpleTypeModelBinderProvider inner) : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var binder = inner.GetBinder(context);
            return binder is not null && context.Metadata.ModelType == typeof(string) ? new Binder(binder) : binder;
        }
    }

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string text })
                bindingContext.Result = ModelBindingResult.Success(VietnameseText.XmlSafe(text));
        }
    }
}
