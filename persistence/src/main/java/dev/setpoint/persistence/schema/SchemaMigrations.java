package dev.setpoint.persistence.schema;

import dev.setpoint.domain.platform.PeriodicTasks;
import dev.setpoint.domain.platform.SchemaReady;
import dev.setpoint.domain.platform.StorageStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the Liquibase changelog to the container-managed DataSource while the application starts,
 * before it serves requests. When the database cannot be reached the start still completes, the
 * migration is retried in the background, and readiness stays DOWN until it has succeeded.
 *
 * <p>No container transaction is involved: Liquibase commits on its own connection.
 */
@ApplicationScoped
public class SchemaMigrations implements StorageStatus {

  static final String CHANGELOG = "db/changelog/db.changelog-master.xml";

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  @Resource(lookup = "jdbc/setpoint")
  private DataSource dataSource;

  @Inject PeriodicTasks tasks;

  private volatile boolean applied;
  private volatile String lastFailure = "not yet attempted";

  @Inject DatabaseConfig databaseConfig;

  @Inject Event<SchemaReady> ready;

  /**
   * Runs the migration as soon as the application context starts. Incomplete production database
   * settings stop the start here, before anything connects.
   */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
    databaseConfig.requireComplete();
    if (migrate()) {
      announce();
    } else {
      scheduleRetry();
    }
  }

  /**
   * Tells the rest of Setpoint the schema is usable, on a managed thread of its own: the observers
   * run transactions, which must not start inside the application's start-up.
   */
  private void announce() {
    tasks.soon("announcing the schema", () -> ready.fire(new SchemaReady()));
  }

  private void scheduleRetry() {
    tasks.later(
        "migrating the schema",
        databaseConfig.migrationRetry(),
        () -> {
          if (migrate()) {
            announce();
          } else {
            scheduleRetry();
          }
        });
  }

  /** Applies pending change sets; true when the schema is up to date afterwards. */
  synchronized boolean migrate() {
    if (applied) {
      return true;
    }
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      try {
        update(database);
      } finally {
        database.close();
      }
      applied = true;
      lastFailure = null;
      LOG.info(
          () ->
              "Database schema is up to date ("
                  + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                  + " ms)");
      return true;
    } catch (Exception e) {
      lastFailure = e.getClass().getSimpleName();
      LOG.log(
          Level.SEVERE,
          e,
          () ->
              "Database schema migration failed; readiness stays DOWN and it is retried in "
                  + databaseConfig.migrationRetry().toSeconds()
                  + " s");
      return false;
    }
  }

  private static void update(Database database) throws Exception {
    Map<String, Object> scope =
        Map.of(
            Scope.Attr.resourceAccessor.name(),
            new ClassLoaderResourceAccessor(SchemaMigrations.class.getClassLoader()),
            AnalyticsArgs.ENABLED.getKey(),
            Boolean.FALSE,
            "liquibase.showBanner",
            Boolean.FALSE);
    Scope.child(
        scope,
        () ->
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .execute());
  }

  @Override
  public boolean schemaReady() {
    return applied;
  }

  @Override
  public boolean reachable(int timeoutSeconds) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(timeoutSeconds);
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Database is not reachable", e);
      return false;
    }
  }

  @Override
  public String describe() {
    return applied ? "schema up to date" : "schema not migrated: " + lastFailure;
  }
}
