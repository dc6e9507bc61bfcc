package dev.setpoint.domain.change;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.release.PublishRelease;
import dev.setpoint.domain.release.ReleasePublisher;
import dev.setpoint.domain.review.ChangeControl;
import dev.setpoint.domain.rollout.RolloutPlan;
import dev.setpoint.domain.rollout.Rollouts;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.SecretService;
import dev.setpoint.domain.secret.SecretWriter;
import dev.setpoint.domain.secret.WriteSecret;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.setting.SettingService;
import dev.setpoint.domain.shared.Precondition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a change request's changes through the setting, secret and publish use cases, in the
 * caller's transaction: each checks, authorizes and audits its own write, and any failure rolls the
 * whole request back. Internal: only {@link ChangeRequestService} calls it, inside {@link
 * ChangeControl#applying}.
 */
@ApplicationScoped
public class ChangeApplication {

  private final SettingService settings;
  private final SecretWriter secretWriter;
  private final SecretService secrets;
  private final ReleasePublisher publisher;
  private final ChangeProposals proposals;
  private final Envelope envelope;
  private final Rollouts rollouts;

  /** For the CDI container's proxy only. */
  protected ChangeApplication() {
    this(null, null, null, null, null, null, null);
  }

  @Inject
  public ChangeApplication(
      SettingService settings,
      SecretWriter secretWriter,
      SecretService secrets,
      ReleasePublisher publisher,
      ChangeProposals proposals,
      Envelope envelope,
      Rollouts rollouts) {
    this.settings = settings;
    this.secretWriter = secretWriter;
    this.secrets = secrets;
    this.publisher = publisher;
    this.proposals = proposals;
    this.envelope = envelope;
    this.rollouts = rollouts;
  }

  /** What moved since the request's base: each key (or {@code the latest release}) named. */
  List<String> moved(ChangeRequest request) {
    List<String> moved = new ArrayList<>();
    for (ProposedChange change : request.changes()) {
      if (!proposals.currentBase(request.environment(), change).equals(change.base())) {
        moved.add(change.keyed() ? "'" + change.key() + "'" : "the latest release");
      }
    }
    return moved;
  }

  /** Writes every change; returns the number of the release it published, if it did. */
  Integer apply(ChangeRequest request, String actor) {
    Environment environment = request.environment();
    EnvironmentRef where = environment.ref();
    Integer release = null;
    for (ProposedChange change : request.changes()) {
      SettingKey key = change.keyed() ? new SettingKey(change.key()) : null;
      switch (change.op()) {
        case SET_SETTING -> {
          settings.override(where, key, change.value(), Precondition.none());
        }
        case REMOVE_SETTING -> settings.removeOverride(where, key, Precondition.none());
        case SET_SECRET -> writeSecret(request, change, key, actor);
        case DELETE_SECRET -> secrets.delete(where, key);
        case PUBLISH -> release = publish(request, change, actor);
      }
    }
    return release;
  }

  /**
   * The trailing publish: a plain one, or one that starts a staged rollout by the plan the request
   * carries (validated when it was proposed, so only a rollout already under way refuses it here).
   */
  private int publish(ChangeRequest request, ProposedChange change, String actor) {
    PublishRelease command =
        PublishRelease.of(request.environment().ref(), publishMessage(request, change), actor);
    if (change.rollout() == null) {
      return publisher.publish(command).number();
    }
    RolloutPlan plan = RolloutPlan.fromJson("rollout", change.rollout());
    return rollouts.publish(command, plan).number();
  }

  private void writeSecret(
      ChangeRequest request, ProposedChange change, SettingKey key, String actor) {
    byte[] plaintext =
        envelope.open(
            change.sealed(),
            ChangeProposals.place(request.environment(), request.number(), change.key()));
    try {
      secretWriter.write(
          new WriteSecret(
              request.environment().ref(),
              key,
              new String(plaintext, StandardCharsets.UTF_8),
              change.encoding(),
              actor),
          null);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /** The release message: the publish's own, else one naming the request (and its source). */
  private static String publishMessage(ChangeRequest request, ProposedChange change) {
    if (change.message() != null) {
      return change.message();
    }
    String text =
        "Change request "
            + request.number()
            + (request.message() == null ? "" : ": " + request.message());
    return text.length() <= dev.setpoint.domain.release.Release.MAX_MESSAGE_LENGTH
        ? text
        : "Change request " + request.number();
  }
}
