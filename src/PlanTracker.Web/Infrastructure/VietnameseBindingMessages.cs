using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace PlanTracker.Web.Infrastructure;

/// <summary>What people see when a form field cannot be read (a date typed as "abc"), in Vietnamese.</summary>
public static class VietnameseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị \"{value}\" không hợp lệ cho ô {field}.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(field => $"Ô {field} phải là một số.");
        messages.SetValueMustNotBeNullAccessor(field => $"Ô {field} không được để trống.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị cho ô {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Yêu cầu không có nội dung.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của ô {field} không hợp lệ.");
    }
}
