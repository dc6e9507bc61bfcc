package dev.setpoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.domain.access.SessionHousekeeping;
import dev.setpoint.domain.access.SessionPruning;
import dev.setpoint.domain.access.SessionUsage;
import dev.setpoint.domain.access.TokenUsage;
import dev.setpoint.domain.access.TokenUseWriter;
import dev.setpoint.domain.change.ChangeApplication;
import dev.setpoint.domain.change.ChangeProposals;
import dev.setpoint.domain.change.ChangeRequestDetails;
import dev.setpoint.domain.delivery.ConsumerLog;
import dev.setpoint.domain.delivery.DeliveryFeed;
import dev.setpoint.domain.delivery.DeliveryLogPruning;
import dev.setpoint.domain.delivery.ServedVersions;
import dev.setpoint.domain.delivery.Snapshots;
import dev.setpoint.domain.readiness.ReadinessForecast;
import dev.setpoint.domain.release.NextRelease;
import dev.setpoint.domain.review.ChangeControl;
import dev.setpoint.domain.secret.SecretPurge;
import dev.setpoint.domain.secret.SecretRetirement;
import dev.setpoint.domain.transfer.PlanApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Resources call use cases, which decide authorization; the domain's internal beans decide none and
 * stay out of the web module.
 */
class InternalBeansTest {

  private static final List<Class<?>> INTERNAL =
      List.of(
          ConsumerLog.class,
          DeliveryFeed.class,
          DeliveryLogPruning.class,
          ServedVersions.class,
          Snapshots.class,
          NextRelease.class,
          SecretPurge.class,
          SecretRetirement.class,
          SessionHousekeeping.class,
          SessionPruning.class,
          SessionUsage.class,
          TokenUsage.class,
          TokenUseWriter.class,
          PlanApplication.class,
          ChangeProposals.class,
          ChangeRequestDetails.class,
          ChangeApplication.class,
          ChangeControl.class,
          ReadinessForecast.class);

  @Test
  void noWebClassUsesAnInternalBeanOfTheDomain() throws IOException {
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      List<String> uses =
          sources
              .filter(p -> p.toString().endsWith(".java"))
              .flatMap(InternalBeansTest::internalUses)
              .toList();
      assertEquals(List.of(), uses, "web must call use cases, not internal beans");
    }
  }

  private static Stream<String> internalUses(Path source) {
    String text;
    try {
      text = Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return INTERNAL.stream()
        .filter(c -> text.contains(c.getName()))
        .map(c -> source + " uses " + c.getSimpleName());
  }
}
