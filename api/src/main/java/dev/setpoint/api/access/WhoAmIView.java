package dev.setpoint.api.access;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the server takes the caller to be. */
@Schema(name = "WhoAmI", description = "The authenticated caller and the roles it holds.")
public record WhoAmIView(
    @Schema(description = "The user name, or token:<id> for a service token.") String name,
    @Schema(enumeration = {"user", "service-token"}) String kind,
    @Schema(description = "Identity-provider groups (JWT callers).") List<String> groups,
    @Schema(description = "True for platform-wide admins.") boolean platformAdmin,
    List<RoleBindingView> roles) {}
