package dev.setpoint.domain.delivery;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Target;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.ApplicationRepository;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRepository;
import dev.setpoint.domain.release.ReleaseRepository;
import dev.setpoint.domain.shared.Pages;
import dev.setpoint.domain.shared.Slice;
import dev.setpoint.domain.shared.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The environments of an application whose released configuration the caller may receive: what a
 * client listing an application is shown (Vault's {@code LIST {mount}/metadata/{app}}). Nothing
 * more than a read would reveal: an environment outside the caller's right is left out, and an
 * application the caller may read nothing of is refused as a read of it is.
 */
@ApplicationScoped
@Transactional
public class DeliveredEnvironments {

  private final ApplicationRepository applications;
  private final EnvironmentRepository environments;
  private final ReleaseRepository releases;
  private final Access access;

  /** For the CDI container's proxy only. */
  protected DeliveredEnvironments() {
    this(null, null, null, null);
  }

  @Inject
  public DeliveredEnvironments(
      ApplicationRepository applications,
      EnvironmentRepository environments,
      ReleaseRepository releases,
      Access access) {
    this.applications = applications;
    this.environments = environments;
    this.releases = releases;
    this.access = access;
  }

  /**
   * The environments of {@code app} that have a release the caller may receive, in slug order (an
   * environment without a release has nothing to read, as a read of it says).
   *
   * @throws dev.setpoint.domain.shared.NotFound when the application does not exist or the caller
   *     may not see it
   * @throws dev.setpoint.domain.shared.Forbidden when the caller sees it but may receive none of
   *     its environments
   */
  public List<Slug> of(Slug app) {
    access.requireAuthenticated();
    Application application = access.asSystem(() -> applications.named(app));
    List<Environment> all =
        Pages.all(
            page ->
                Slice.of(
                    environments.list(application, page), page.limit(), e -> e.slug().value()));
    List<Environment> receivable = access.deliverable(all);
    if (receivable.isEmpty()) {
      // refused exactly as reading the application's configuration is: 404 when hidden, else 403
      access.requireDelivery(Target.of(application));
    }
    return receivable.stream()
        .filter(e -> releases.latest(e).isPresent())
        .map(Environment::slug)
        .toList();
  }
}
