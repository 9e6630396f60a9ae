using Microsoft.Extensions.Caching.Memory;

namespace PlanTracker.Web.Features.Account;

/// <summary>
/// Growing delays after failed sign-ins, counted per account and per client address, instead of Identity's
/// 15-minute lock-out that any stranger could keep on an admin with five requests every 15 minutes.
/// After <see cref="AccountFreeFailures"/> failures on an account the next attempt waits 1 s, then 2, 4, … up to
/// 60 s; an address gets <see cref="AddressFreeFailures"/> (an office behind one NAT address shares it).
/// A success resets the account's count. The account's delay does not apply to an address that signed in to that
/// account within the last 30 days: a stranger slows down only strangers, and the real user at their usual desk
/// is never held up; from a new address the real user waits at most 60 s per attempt, never 15 minutes.
/// <para>Kept in memory, bounded and expiring: with several app servers each counts its own, so an attacker
/// spread over n servers gets n times the attempts (the rate limit per address still holds on each).</para>
/// </summary>
public sealed class SignInThrottle(TimeProvider time) : IDisposable
{
    public const int AccountFreeFailures = 5;
    public const int AddressFreeFailures = 20;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);
    /// <summary>A count is forgotten this long after its last failure.</summary>
    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan KnownAddressFor = TimeSpan.FromDays(30);

    // 100,000 entries of a few dozen bytes: a few MB at most, whatever a sprayer sends (the rate limit slows it first).
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset Last;
        public DateTimeOffset WaitUntil;
    }

    /// <summary>How long this attempt must still wait, or null when it may check the password now.</summary>
    public TimeSpan? Wait(string email, string address)
    {
        var now = time.GetUtcNow();
        var until = WaitUntil(AddressKey(address), now);
        if (!IsKnown(email, address, now) && WaitUntil(AccountKey(email), now) is { } account && (until is null || account > until))
            until = account;
        return until is { } u ? u - now : null;
    }

    public void Failed(string email, string address)
    {
        var now = time.GetUtcNow();
        Count(AccountKey(email), AccountFreeFailures, now);
        Count(AddressKey(address), AddressFreeFailures, now);
    }

    public void Succeeded(string email, string address)
    {
        cache.Remove(AccountKey(email));
        cache.Set(KnownKey(email, address), time.GetUtcNow(), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = KnownAddressFor });
    }

    /// <summary>The wait after <paramref name="failures"/> failures: none before the <paramref name="free"/>th, then 1 s doubling to 60 s.</summary>
    public static TimeSpan Delay(int failures, int free) =>
        failures < free ? TimeSpan.Zero
        : TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Min(failures - free, 10))));

    private DateTimeOffset? WaitUntil(string key, DateTimeOffset now) =>
        cache.Get<Failures>(key) is { } f && IsCurrent(f, now) && f.WaitUntil > now ? f.WaitUntil : null;

    private void Count(string key, int free, DateTimeOffset now)
    {
        var failures = cache.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = Forget;
            return new Failures();
        })!;
        lock (failures)
        {
            if (!IsCurrent(failures, now)) failures.Count = 0;
            failures.Count++;
            failures.Last = now;
            failures.WaitUntil = now + Delay(failures.Count, free);
        }
    }

    // The cache expires entries on the real clock; the app's TimeProvider decides (a test moves it by hand).
    private static bool IsCurrent(Failures f, DateTimeOffset now) => now - f.Last < Forget;

    private bool IsKnown(string email, string address, DateTimeOffset now) =>
        cache.TryGetValue(KnownKey(email, address), out DateTimeOffset at) && now - at < KnownAddressFor;

    private static string AccountKey(string email) => "account:" + email.Trim().ToUpperInvariant();
    private static string AddressKey(string address) => "address:" + address;
    private static string KnownKey(string email, string address) => "known:" + email.Trim().ToUpperInvariant() + "|" + address;

    public void Dispose() => cache.Dispose();
}
