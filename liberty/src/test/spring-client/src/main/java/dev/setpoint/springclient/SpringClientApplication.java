package dev.setpoint.springclient;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows the values it was configured with: {@code @Value} fields and the Environment. */
@SpringBootApplication
public class SpringClientApplication {

  public static void main(String[] args) {
    SpringApplication.run(SpringClientApplication.class, args);
  }

  /** {@code GET /values}: what the application sees, for the test on loopback. */
  @RestController
  @RefreshScope
  static class Values {

    private final Environment environment;

    @Value("${greeting}")
    private String greeting;

    @Value("${pool.size}")
    private int poolSize;

    @Value("${db.password}")
    private String password;

    Values(Environment environment) {
      this.environment = environment;
    }

    @GetMapping("/values")
    Map<String, Object> values() {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("greeting", greeting);
      values.put("pool.size", poolSize);
      values.put("db.password", password);
      values.put("environment.greeting", environment.getProperty("greeting"));
      return values;
    }
  }
}
