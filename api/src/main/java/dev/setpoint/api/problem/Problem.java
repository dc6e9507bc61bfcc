package dev.setpoint.api.problem;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@Schema(name = "Problem", description = "RFC 9457 problem details.")
public record Problem(
    @Schema(description = "URI identifying the kind of problem.", example = ProblemTypes.VALIDATION)
        String type,
    @Schema(example = "Request validation failed") String title,
    @Schema(example = "400") int status,
    @Schema(description = "What went wrong with this request, for a person to read.") String detail,
    @Schema(description = "The request path this problem concerns.") String instance,
    @Schema(description = "Id of the request; quote it when asking operators for help.")
        String requestId,
    @Schema(description = "Present on validation problems: each field and the rule it broke.")
        List<FieldError> errors) {}
