package dev.setpoint.web.transfer;

/** The media types an import reads, and the words the OpenAPI document says about them. */
final class ImportMedia {

  static final String DOTENV = "text/plain";
  static final String PROPERTIES = "text/x-java-properties";
  static final String YAML = "application/yaml";
  static final String YAML_X = "application/x-yaml";
  static final String YAML_TEXT = "text/yaml";
  static final String JSON = "application/json";
  static final String ZIP = "application/zip";

  static final String DESCRIPTION =
      "The body is the file: dotenv (text/plain), Java properties (text/x-java-properties), YAML"
          + " (application/yaml; nested keys flattened to a.b.c, lists kept as one json value),"
          + " JSON (application/json, flat or nested), or a Spring Cloud Config layout as a ZIP"
          + " (application/zip: application.yml and {app}.yml are the defaults,"
          + " application-{env}.yml and {app}-{env}.yml that environment's overrides);"
          + " ?format= overrides the media type. Types are inferred conservatively (integer,"
          + " boolean, url, duration, json for objects and lists, else string); a query parameter"
          + " type.KEY=string|integer|boolean|url|duration|json|secret sets one key's type."
          + " Credential-shaped keys and values become secrets (environments only). With"
          + " dryRun=true only the plan is returned; otherwise it is applied in one transaction"
          + " through the setting and secret use cases (one audit event per change), and refused"
          + " keys make the whole import a 422 unless skipRefused=true. Secret values are never"
          + " returned. A file past a limit (keys, nesting, aliases, size), binary or not UTF-8"
          + " is a 400 and changes nothing.";

  static final String DRY_RUN = "true: return the plan and write nothing.";
  static final String SKIP_REFUSED =
      "true: apply the keys that can be imported and leave the refused ones out.";

  private ImportMedia() {}
}
