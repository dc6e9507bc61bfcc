package dev.setpoint.domain.audit;

import dev.setpoint.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an audit event records. The wire name ({@code application.create}, …) is what the API shows
 * and filters on; {@code access.*} are attempts refused by an access check, named after the kind of
 * action that was needed.
 */
public enum AuditAction {
  APPLICATION_CREATE("application.create"),
  APPLICATION_UPDATE("application.update"),
  APPLICATION_DELETE("application.delete"),
  ENVIRONMENT_CREATE("environment.create"),
  ENVIRONMENT_UPDATE("environment.update"),
  ENVIRONMENT_DELETE("environment.delete"),
  SETTING_DEFINE("setting.define"),
  SETTING_UNDEFINE("setting.undefine"),
  SETTING_OVERRIDE("setting.override"),
  SETTING_OVERRIDE_REMOVE("setting.override.remove"),
  SECRET_WRITE("secret.write"),
  SECRET_ROTATE("secret.rotate"),
  SECRET_REVEAL("secret.reveal"),
  SECRET_DELETE("secret.delete"),
  SECRET_RECOVER("secret.recover"),
  SECRET_DESTROY("secret.destroy"),
  SECRET_PURGE("secret.purge"),
  SECRET_RETIRE("secret.retire"),
  MASTER_KEY_ROTATE("master-key.rotate"),
  RELEASE_PUBLISH("release.publish"),
  RELEASE_ROLLBACK("release.rollback"),
  ROLLOUT_START("rollout.start"),
  ROLLOUT_STEP("rollout.step"),
  ROLLOUT_PAUSE("rollout.pause"),
  ROLLOUT_RESUME("rollout.resume"),
  ROLLOUT_COMPLETE("rollout.complete"),
  ROLLOUT_ROLLBACK("rollout.rollback"),
  ROLLOUT_ABORT("rollout.abort"),
  ROLLOUT_SUPERSEDE("rollout.supersede"),
  DELIVERY_READ("delivery.read"),
  TOKEN_ISSUE("token.issue"),
  TOKEN_REVOKE("token.revoke"),
  ROLE_GRANT("role.grant"),
  ROLE_REVOKE("role.revoke"),
  USER_CREATE("user.create"),
  USER_DELETE("user.delete"),
  USER_PASSWORD("user.password"),
  USER_BOOTSTRAP("user.bootstrap"),
  SIGN_IN("auth.sign-in"),
  SESSION_START("session.start"),
  SESSION_END("session.end"),
  ACCESS_READ("access.read"),
  ACCESS_WRITE("access.write"),
  ACCESS_REVEAL("access.reveal"),
  ACCESS_PUBLISH("access.publish"),
  ACCESS_MANAGE("access.manage"),
  ACCESS_DELIVERY("access.delivery"),
  ACCESS_PLATFORM("access.platform"),
  READINESS_SUPPRESS("readiness.suppress"),
  READINESS_UNSUPPRESS("readiness.unsuppress"),
  READINESS_OVERRIDE("readiness.override"),
  WEBHOOK_CREATE("webhook.create"),
  WEBHOOK_DELETE("webhook.delete"),
  AUDIT_PRUNE("audit.prune"),
  DATABASE_BACKUP("database.backup"),
  POLICY_SET("policy.set"),
  CHANGE_REQUEST_OPEN("change-request.open"),
  CHANGE_REQUEST_UPDATE("change-request.update"),
  CHANGE_REQUEST_APPROVE("change-request.approve"),
  CHANGE_REQUEST_REJECT("change-request.reject"),
  CHANGE_REQUEST_WITHDRAW("change-request.withdraw"),
  CHANGE_REQUEST_COMMENT("change-request.comment"),
  CHANGE_REQUEST_APPLY("change-request.apply"),
  CHANGE_REQUEST_STALE("change-request.stale"),
  RELEASE_PROMOTE("release.promote"),
  BUNDLE_EXPORT("bundle.export"),
  BUNDLE_RESTORE("bundle.restore");

  private final String wireName;

  AuditAction(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The action named {@code text}; {@code field} names the input in the error. */
  public static AuditAction parse(String field, String text) {
    return Arrays.stream(values())
        .filter(a -> a.wireName.equals(text))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidValue(
                    field,
                    "must be one of "
                        + Arrays.stream(values())
                            .map(AuditAction::wireName)
                            .collect(Collectors.joining(", "))));
  }
}
