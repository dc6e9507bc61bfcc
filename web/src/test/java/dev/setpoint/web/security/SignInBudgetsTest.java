package dev.setpoint.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignInBudgetsTest {

  private final SignInBudgets budgets = new SignInBudgets(3, 6, 10, Duration.ofMinutes(15));

  private void fail(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      assertTrue(
          budgets.reserve(account, account == null ? "token-a" : null, address).allowed(),
          account + " from " + address);
    }
  }

  @Test
  void anAccountFromOneAddressHasTheSmallestBudget() {
    fail("alice", "10.0.0.1", 3);
    assertFalse(budgets.reserve("alice", null, "10.0.0.1").allowed());
    assertTrue(budgets.reserve("bob", null, "10.0.0.1").allowed(), "other accounts from there");
    assertTrue(budgets.reserve("alice", null, "10.0.0.2").allowed(), "the account from elsewhere");
  }

  @Test
  void aSuccessGivesItsReservationBack() {
    for (int i = 0; i < 10; i++) {
      budgets.reserve("alice", null, "10.0.0.1").succeeded();
    }
    fail("alice", "10.0.0.1", 3);
  }

  @Test
  void aSpentAccountBudgetStopsAddressesThatFailedOnItButNotTheOwnerElsewhere() {
    fail("alice", "10.0.0.1", 3);
    fail("alice", "10.0.0.2", 3);
    // the account's budget (6) is spent now
    assertFalse(budgets.reserve("alice", null, "10.0.0.1").allowed());
    assertTrue(
        budgets.reserve("alice", null, "10.0.0.9").allowed(), "a fresh address still may try");
  }

  @Test
  void oneAddressSprayingManyAccountsHitsTheCoarseCap() {
    for (int i = 0; i < 10; i++) {
      assertTrue(budgets.reserve("user" + i, null, "10.0.0.1").allowed());
    }
    assertFalse(budgets.reserve("user-next", null, "10.0.0.1").allowed());
    assertTrue(budgets.reserve("user-next", null, "10.0.0.2").allowed());
  }

  @Test
  void aBadBearerTokenSpendsItsOwnBudgetNotEveryonesBehindTheAddress() {
    fail(null, "10.0.0.1", 3);
    assertFalse(budgets.reserve(null, "token-a", "10.0.0.1").allowed(), "the same token again");
    assertTrue(budgets.reserve(null, "token-b", "10.0.0.1").allowed(), "another token");
    assertTrue(budgets.reserve(null, "token-a", "10.0.0.2").allowed(), "from elsewhere");
  }

  @Test
  void anIpv6HostCountsAsItsSlash64() {
    fail("alice", "2001:db8:1:2::1", 3);
    assertFalse(budgets.reserve("alice", null, "2001:db8:1:2::ffff").allowed(), "same /64");
    assertTrue(budgets.reserve("alice", null, "2001:db8:1:3::1").allowed(), "another /64");
    assertEquals("20010db800010002::/64", SignInBudgets.network("2001:db8:1:2:abcd::1"));
    assertEquals("10.0.0.1", SignInBudgets.network("10.0.0.1"));
  }

  @Test
  void parallelReservationsNeverExceedTheBudget() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Boolean>> tries = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        tries.add(
            () -> {
              start.await();
              return budgets.reserve("alice", null, "10.0.0.1").allowed();
            });
      }
      List<Future<Boolean>> results = new ArrayList<>();
      tries.forEach(t -> results.add(pool.submit(t)));
      start.countDown();
      int allowed = 0;
      for (Future<Boolean> result : results) {
        allowed += result.get() ? 1 : 0;
      }
      assertEquals(3, allowed);
    } finally {
      pool.shutdownNow();
    }
  }
}
