package switchboard.server.config;

import java.util.List;
import switchboard.amps.AmpsConfig;
import switchboard.devicehive.DevicehiveConfig;
import switchboard.xrpl.XrplConfig;

/**
 * The whole configuration. Each component is a section of the YAML file, named by the kebab-case
 * form of the component. To add a section, add a component here and its block, with every key,
 * to {@code switchboard-defaults.yaml}; binding, checking and printing follow from the record.
 */
public record Config(
    HttpConfig http, LimitsConfig limits, EngineConfig engine, StoreConfig store, AmpsConfig amps, XrplConfig xrpl,
    DevicehiveConfig devicehive) {

  /** The embedded defaults, {@code switchboard-defaults.yaml}. */
  public static Config defaults() {
    return ConfigLoader.load(null, List.of());
  }

  /** This configuration as YAML that {@link ConfigLoader} reads back to an equal one. */
  public String toYaml() {
    return Yaml.write(ConfigWriter.tree(this));
  }
}
