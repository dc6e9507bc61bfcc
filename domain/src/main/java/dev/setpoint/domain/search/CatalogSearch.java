package dev.setpoint.domain.search;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds what contains a text, case-insensitively, among some applications ({@code among} empty: all
 * of them); at most {@code limit} of each kind. Secret values are never searched: secrets are found
 * by key name only.
 */
public interface CatalogSearch {

  /** Applications whose slug or name contains {@code text}. */
  List<SearchHit> applications(String text, Optional<Set<UUID>> among, int limit);

  /** Setting definitions whose key or default value contains {@code text}. */
  List<SearchHit> definitions(String text, Optional<Set<UUID>> among, int limit);

  /** Overrides whose value contains {@code text}, with their environment. */
  List<SearchHit> overrides(String text, Optional<Set<UUID>> among, int limit);

  /** Secrets (not deleted) whose key contains {@code text}, with their environment. */
  List<SearchHit> secrets(String text, Optional<Set<UUID>> among, int limit);
}
