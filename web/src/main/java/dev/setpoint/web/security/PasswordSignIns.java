package dev.setpoint.web.security;

import dev.setpoint.domain.shared.Unauthenticated;
import dev.setpoint.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;

/**
 * A password sign-in outside {@code Authorization} (the console's): it spends the same budgets as
 * HTTP Basic, reserved before the password is checked, so guessing through the sign-in form is
 * throttled exactly as guessing through Basic.
 */
@ApplicationScoped
public class PasswordSignIns {

  @Inject RateLimits limits;
  @Inject Problems problems;

  /**
   * Runs {@code signIn} for {@code account} from {@code address} within the budgets: 429 (as a
   * {@link WebApplicationException}) when one is spent; a refusal ({@link Unauthenticated}) keeps
   * the reservation, anything else gives it back.
   */
  public <T> T within(String account, String address, Supplier<T> signIn) {
    RateLimits.Verdict spent = limits.spentPrincipal(account);
    if (spent != null) {
      throw tooMany(spent);
    }
    SignInBudgets.Attempt attempt = limits.reserveSignIn(account, null, address);
    if (!attempt.allowed()) {
      throw tooMany(attempt.verdict());
    }
    T result;
    try {
      result = signIn.get();
    } catch (Unauthenticated e) {
      throw e;
    } catch (RuntimeException e) {
      attempt.succeeded();
      throw e;
    }
    attempt.succeeded();
    return result;
  }

  private WebApplicationException tooMany(RateLimits.Verdict verdict) {
    return new WebApplicationException(
        problems.tooManyRequests(
            verdict.resetSeconds(),
            "Too many requests or failed sign-ins for this account or address; wait and retry"));
  }
}
