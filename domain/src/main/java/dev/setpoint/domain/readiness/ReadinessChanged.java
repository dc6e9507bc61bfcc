package dev.setpoint.domain.readiness;

import dev.setpoint.domain.application.Environment;
import java.util.List;

/** Fired, inside the evaluating transaction, when findings were opened or resolved. */
public record ReadinessChanged(
    Environment environment, List<ReadinessFinding> opened, List<ReadinessFinding> resolved) {}
