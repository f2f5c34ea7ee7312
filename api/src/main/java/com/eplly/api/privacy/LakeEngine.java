package com.eplly.api.privacy;

import com.eplly.api.config.EpllyProperties;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/**
 * Opens an in-memory DuckDB database for one export, confined to the lake: it may read files under
 * the lake's folder and nowhere else, never writes or spills to disk, never downloads an extension
 * (JSON and Parquet are built into the driver), and its settings cannot be changed afterwards.
 * A database per export costs ~20 ms once the native library is loaded (~1 s, the first export) and
 * gives its memory back when the export ends.
 */
final class LakeEngine {

  private final Path lake;
  private final EpllyProperties.Lake settings;

  LakeEngine(EpllyProperties.Lake settings) {
    this.lake = settings.dir().toAbsolutePath().normalize();
    this.settings = settings;
  }

  Connection open() throws SQLException {
    Properties config = new Properties();
    config.setProperty("threads", Integer.toString(settings.threads()));
    config.setProperty("memory_limit", settings.memoryLimit().toMegabytes() + "MB");
    config.setProperty("autoinstall_known_extensions", "false");
    config.setProperty("autoload_known_extensions", "false");
    // the driver itself, not DriverManager: inside the Boot jar the service registry cannot see it
    Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", config);
    try (Statement s = connection.createStatement()) {
      s.execute("SET temp_directory = ''");
      s.execute("SET allowed_directories = [" + LakeSql.literal(lake + "/") + "]");
      s.execute("SET enable_external_access = false");
      s.execute("SET lock_configuration = true");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}
