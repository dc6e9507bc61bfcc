package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins have a small budget per account and client address (10 by default): after it,
 * that account from that address gets 429 whatever it presents, while the account elsewhere and
 * other accounts from the same address are not affected. The addresses are given with
 * X-Forwarded-For, which the test servers believe from loopback (SETPOINT_TRUSTED_PROXIES).
 */
class BruteForceIT {

  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  private static String address() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "203.0." + random.nextInt(0, 250) + "." + random.nextInt(1, 250);
  }

  @Test
  void repeatedWrongPasswordsAreStoppedButAGoodClientElsewhereIsNot() {
    String attacker = address();
    String bystander = address();
    Reply last = guess(attacker, SetpointClient.basic("admin", "canary-" + UUID.randomUUID()));
    int refusals = 0;
    while (last.status() == 401 && refusals < 50) {
      refusals++;
      last = guess(attacker, SetpointClient.basic("admin", "canary-" + UUID.randomUUID()));
    }
    assertEquals(10, refusals, "the failure budget");
    assertThrottled(last);

    // from that address even the right password is no longer checked
    assertThrottled(guess(attacker, SetpointClient.basic("admin", TestServer.adminPassword())));

    Reply elsewhere = admin.get("/api/v1/whoami", "X-Forwarded-For", bystander);
    assertEquals(200, elsewhere.status(), elsewhere::toString);
    assertEquals("admin", elsewhere.json().getString("name"));
  }

  @Test
  void parallelGuessesCannotOverspendTheBudgetAndRefusedOnesCostNoHash() throws Exception {
    String attacker = address();
    String account = SetpointClient.uniqueSlug("target");
    double before = passwordChecks();
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.CompletableFuture<Reply>> guesses =
        new java.util.ArrayList<>();
    java.util.concurrent.ExecutorService senders =
        java.util.concurrent.Executors.newFixedThreadPool(30);
    for (int i = 0; i < 30; i++) {
      guesses.add(
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return guess(
                    attacker, SetpointClient.basic(account, "canary-" + UUID.randomUUID()));
              },
              senders));
    }
    start.countDown();
    int refused = 0;
    int throttled = 0;
    for (var guess : guesses) {
      int status = guess.get().status();
      refused += status == 401 ? 1 : 0;
      throttled += status == 429 ? 1 : 0;
    }
    senders.shutdown();
    assertEquals(10, refused, "the failure budget, spent atomically");
    assertEquals(20, throttled);
    assertEquals(10, passwordChecks() - before, 0.0, "a throttled guess never reaches PBKDF2");
  }

  @Test
  void aLockedOutAccountAddressPairLeavesOtherAccountsFromThereAlone() {
    String shared = address();
    String victim = SetpointClient.uniqueSlug("victim");
    for (int i = 0; i < 10; i++) {
      assertEquals(
          401, guess(shared, SetpointClient.basic(victim, "canary-" + UUID.randomUUID())).status());
    }
    assertThrottled(guess(shared, SetpointClient.basic(victim, "canary-" + UUID.randomUUID())));
    Reply colleague = admin.get("/api/v1/whoami", "X-Forwarded-For", shared);
    assertEquals(200, colleague.status(), "another account behind the same address signs in");
  }

  private double passwordChecks() {
    for (String line :
        admin.anonymous().get("/metrics", "Accept", "text/plain").body().split("\n")) {
      if (line.startsWith("setpoint_auth_password_checks_total")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  @Test
  void aRetriedBadTokenIsStoppedWithoutLockingOutGoodTokensFromThere() {
    String attacker = address();
    String bad = "Bearer stp_" + UUID.randomUUID().toString().replace("-", "") + "AbCdEfGhIjK";
    int refusals = 0;
    Reply last = null;
    for (int i = 0; i < 30; i++) {
      last = guess(attacker, bad);
      if (last.status() != 401) {
        break;
      }
      refusals++;
    }
    assertEquals(10, refusals, "the failure budget of that token from that address");
    assertThrottled(last);
    String app = admin.newApplication("bf-token");
    String good = admin.issueToken(app, "dev");
    Reply neighbour =
        admin.get(
            SetpointClient.config(app, "dev"),
            "Authorization",
            "Bearer " + good,
            "X-Forwarded-For",
            attacker);
    assertTrue(
        neighbour.status() == 404 || neighbour.status() == 200,
        "a good token behind the same address is not locked out: " + neighbour);
  }

  @Test
  void manyDifferentUnknownTokensFromOneAddressHitTheAddressCap() {
    String attacker = address();
    int refusals = 0;
    Reply last = null;
    for (int i = 0; i < 150; i++) {
      String guess = "stp_" + UUID.randomUUID().toString().replace("-", "") + "AbCdEfGhIjK";
      last = guess(attacker, "Bearer " + guess);
      if (last.status() != 401) {
        break;
      }
      refusals++;
    }
    assertEquals(
        100, refusals, "the per-address cap (SETPOINT_RATE_LIMIT_AUTH_FAILURES_PER_ADDRESS)");
    assertThrottled(last);
    assertEquals(200, admin.get("/api/v1/whoami", "X-Forwarded-For", address()).status());
  }

  @Test
  void everyAnswerCarriesTheRateLimitHeaders() {
    Reply reply = admin.get("/api/v1/whoami", "X-Forwarded-For", address());
    assertEquals(200, reply.status());
    assertTrue(Long.parseLong(reply.header("RateLimit-Limit")) > 0, reply::toString);
    assertTrue(Long.parseLong(reply.header("RateLimit-Remaining")) >= 0, reply::toString);
    assertTrue(Long.parseLong(reply.header("RateLimit-Reset")) >= 0, reply::toString);
  }

  private Reply guess(String address, String authorization) {
    return admin.get("/api/v1/whoami", "Authorization", authorization, "X-Forwarded-For", address);
  }

  private static void assertThrottled(Reply reply) {
    assertProblem(reply, 429, "rate-limited");
    assertTrue(Long.parseLong(reply.header("Retry-After")) > 0, reply::toString);
    assertEquals("0", reply.header("RateLimit-Remaining"), reply::toString);
    assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
    assertTrue(reply.header("Content-Security-Policy").contains("default-src 'none'"));
  }
}
