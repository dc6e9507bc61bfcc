package dev.setpoint.domain.change;

import dev.setpoint.domain.application.Environment;
import java.util.List;
import java.util.Optional;

/** Where change requests are kept. */
public interface ChangeRequestRepository {

  Optional<ChangeRequest> find(Environment environment, int number);

  /** The highest number given in the environment, 0 when none. */
  int lastNumber(Environment environment);

  /**
   * Up to {@code limit + 1} requests of an environment, newest first, below number {@code before}
   * when given, in {@code status} when given.
   */
  List<ChangeRequest> list(Environment environment, ChangeStatus status, Integer before, int limit);

  void store(ChangeRequest request);
}
