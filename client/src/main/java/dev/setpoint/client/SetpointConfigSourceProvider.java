package dev.setpoint.client;

import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Registers a {@link SetpointConfigSource} with MicroProfile Config through {@code
 * META-INF/services}. When {@value ClientSettings#URL} is not set (as system property {@code
 * setpoint.url} or environment variable) it provides nothing, so the jar on a class path is
 * harmless.
 */
public final class SetpointConfigSourceProvider implements ConfigSourceProvider {

  /**
   * @throws IllegalStateException when {@value ClientSettings#URL} is set but the other settings
   *     are invalid, or the release can be loaded from neither Setpoint nor the disk copy
   */
  @Override
  public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
    return ClientSettings.fromSystem()
        .<List<ConfigSource>>map(settings -> List.of(SetpointConfigSource.start(settings)))
        .orElse(List.of());
  }
}
