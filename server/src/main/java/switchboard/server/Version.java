package switchboard.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version the build stamped into {@code switchboard-version.properties}. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** The version, or {@code dev} when run from sources the build has not stamped. */
  public static String current() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/switchboard-version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev");
      return v.isBlank() || v.contains("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
