package dev.setpoint.web.system;

import dev.setpoint.domain.platform.PeriodicTasks;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Stops the background jobs as soon as the web module stops. Waiting for the jobs' bean to be
 * destroyed is too late: by then the container has closed the persistence unit, and a job that fell
 * due in between failed on it (an FFDC and a warning on every {@code server stop}).
 */
@WebListener
public class BackgroundJobsShutdown implements ServletContextListener {

  @Inject PeriodicTasks tasks;

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    tasks.stop();
  }
}
