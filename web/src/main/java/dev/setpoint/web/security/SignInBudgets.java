package dev.setpoint.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Failed sign-in budgets, reserved before any credential is checked so that parallel guesses cannot
 * overspend them and a refused guess costs no password hash. Three budgets, each a token bucket
 * refilled over the window:
 *
 * <ul>
 *   <li>per account and client address: the one an attacker spends first;
 *   <li>per account, from anywhere: once spent, only addresses that have not failed on the account
 *       may still try, so one noisy client cannot lock the owner out;
 *   <li>per address, over all accounts: a coarse cap on spraying many names from one place.
 * </ul>
 *
 * A sign-in that succeeds (or cannot be checked) gives its reservation back.
 */
final class SignInBudgets {

  private final long perPair;
  private final long perAccount;
  private final long perAddress;
  private final Duration window;
  private final Cache<String, Bucket> pairs;
  private final Cache<String, Bucket> accounts;
  private final Cache<String, Bucket> addresses;

  SignInBudgets(long perPair, long perAccount, long perAddress, Duration window) {
    this.perPair = perPair;
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.window = window;
    this.pairs = RateLimits.buckets(window);
    this.accounts = RateLimits.buckets(window);
    this.addresses = RateLimits.buckets(window);
  }

  /**
   * Reserves one failure from {@code address} for {@code account}, the Basic user name, or, for
   * bearer credentials (no account), for {@code credential}, a digest of the presented token: one
   * client retrying a bad token spends only that token's budget, never everyone's behind the same
   * address (their cap is the per-address budget).
   */
  Attempt reserve(String account, String credential, String address) {
    address = network(address);
    String pairKey =
        (account != null ? "user:" + account : "bearer:" + credential) + '\u0000' + address;
    Bucket pair = pairs.get(pairKey, k -> RateLimits.bucket(perPair, window));
    ConsumptionProbe fromHere = pair.tryConsumeAndReturnRemaining(1);
    if (!fromHere.isConsumed()) {
      return refused(fromHere);
    }
    Bucket byAddress = addresses.get(address, k -> RateLimits.bucket(perAddress, window));
    ConsumptionProbe anyAccount = byAddress.tryConsumeAndReturnRemaining(1);
    if (!anyAccount.isConsumed()) {
      pair.addTokens(1);
      return refused(anyAccount);
    }
    Bucket byAccount = null;
    if (account != null) {
      byAccount = accounts.get(account, k -> RateLimits.bucket(perAccount, window));
      ConsumptionProbe anywhere = byAccount.tryConsumeAndReturnRemaining(1);
      if (!anywhere.isConsumed()) {
        byAccount = null;
        boolean failedHereBefore = fromHere.getRemainingTokens() < perPair - 1;
        if (failedHereBefore) {
          pair.addTokens(1);
          byAddress.addTokens(1);
          return refused(anywhere);
        }
      }
    }
    return new Attempt(
        new Bucket[] {pair, byAddress, byAccount},
        new RateLimits.Verdict(true, perPair, fromHere.getRemainingTokens(), 0));
  }

  /**
   * The unit an address budget counts: an IPv4 address, or the /64 network of an IPv6 address (one
   * host usually holds a whole /64, so single addresses would give it endless fresh budgets).
   */
  static String network(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return address;
    }
    try {
      byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
      if (bytes.length != 16) {
        return address;
      }
      return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
    } catch (java.net.UnknownHostException e) {
      return address;
    }
  }

  private Attempt refused(ConsumptionProbe probe) {
    return new Attempt(
        new Bucket[0],
        new RateLimits.Verdict(
            false, perPair, 0, RateLimits.seconds(probe.getNanosToWaitForRefill())));
  }

  /** A reserved failed sign-in: kept when the credentials are refused, given back otherwise. */
  static final class Attempt {

    private final Bucket[] reserved;
    private final RateLimits.Verdict verdict;

    private Attempt(Bucket[] reserved, RateLimits.Verdict verdict) {
      this.reserved = reserved;
      this.verdict = verdict;
    }

    /** An attempt when rate limiting is off. */
    static Attempt unlimited(long limit) {
      return new Attempt(new Bucket[0], new RateLimits.Verdict(true, limit, limit, 0));
    }

    boolean allowed() {
      return verdict.allowed();
    }

    RateLimits.Verdict verdict() {
      return verdict;
    }

    /** The credentials were valid (or could not be checked): the reservation is given back. */
    void succeeded() {
      for (Bucket bucket : reserved) {
        if (bucket != null) {
          bucket.addTokens(1);
        }
      }
    }
  }
}
