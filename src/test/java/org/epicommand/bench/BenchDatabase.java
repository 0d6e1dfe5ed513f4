package org.epicommand.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.epicommand.platform.DatabaseMaintenance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmarks' set-up changes the schema (tables of their own for the floors, indexes taken off
 * and put back, {@code vacuum}), which the application's role may not: they do it as the schema's
 * owner. Turning a table's foreign-key triggers off takes the embedded server's superuser.
 */
final class BenchDatabase {

  private BenchDatabase() {}

  static DataSource owner(ConfigurableApplicationContext context) {
    return context.getBean(DatabaseMaintenance.class).dataSource();
  }

  static JdbcClient ownerJdbc(ConfigurableApplicationContext context) {
    return JdbcClient.create(owner(context));
  }

  /**
   * The embedded server's superuser, for what only it may do or see (the statement timings of every role).
   */
  static JdbcClient superuserJdbc(ConfigurableApplicationContext context) {
    return JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(superuserUrl(context)));
  }

  private static String superuserUrl(ConfigurableApplicationContext context) {
    return ((HikariDataSource) owner(context)).getJdbcUrl().replaceAll("user=[^&]*", "user=postgres");
  }

  static void asSuperuser(ConfigurableApplicationContext context, String sql) {
    String url = superuserUrl(context);
    try (Connection connection = DriverManager.getConnection(url);
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
