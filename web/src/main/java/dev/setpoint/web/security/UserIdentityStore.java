package dev.setpoint.web.security;

import dev.setpoint.domain.access.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.logging.Logger;

/** Checks HTTP Basic credentials against the built-in user store's PBKDF2 hashes. */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(UserIdentityStore.class.getName());

  @Inject UserService users;
  @Inject AuthConfig config;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential basic) || !config.basicEnabled()) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return users
        .authenticate(basic.getCaller(), basic.getPassword().getValue())
        .map(caller -> new CredentialValidationResult(new SetpointPrincipal(caller)))
        .orElseGet(
            () -> {
              LOG.info(
                  () -> "Sign-in refused for user name '" + printable(basic.getCaller()) + "'");
              return CredentialValidationResult.INVALID_RESULT;
            });
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return Set.of(ValidationType.VALIDATE);
  }

  /** The name as it may appear in a log line: short, and without control characters. */
  static String printable(String name) {
    String cut = name.length() > 64 ? name.substring(0, 64) + "…" : name;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
