package org.epicommand.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Least privilege inside the database: the schema belongs to an owner role, which runs the
 * migrations and the few maintenance statements of {@link DatabaseMaintenance}; the application's
 * connections use a runtime role that may read and write rows and nothing more. An append-only
 * table (one guarded by a trigger function named {@code *_append_only}, such as the audit trail)
 * is only read and added to; the migration history is only read.
 *
 * <p>The embedded database creates both roles itself ({@link #EMBEDDED_OWNER}, {@link #EMBEDDED_RUNTIME}),
 * and hands the objects of a data directory made before the split over to the owner; an external
 * database gets its roles from its administrator (docs/operations.md).
 */
final class DatabaseRoles {

  static final String EMBEDDED_OWNER = "epicommand_owner";
  static final String EMBEDDED_RUNTIME = "epicommand_app";

  /** As the superuser: both roles, and every object of the schema owned by the owner role. */
  private static final String EMBEDDED_SETUP = """
      do $$
      declare
        r record;
      begin
        if not exists (select from pg_roles where rolname = 'epicommand_owner') then
          create role epicommand_owner login;
        end if;
        if not exists (select from pg_roles where rolname = 'epicommand_app') then
          create role epicommand_app login;
        end if;
        if (select nspowner from pg_namespace where nspname = 'public') <> 'epicommand_owner'::regrole then
          alter schema public owner to epicommand_owner;
        end if;
        -- a data directory from before the split: what the superuser created changes hands (once)
        for r in select c.oid::regclass as name, c.relkind from pg_class c
            where c.relnamespace = 'public'::regnamespace and c.relowner = 'postgres'::regrole
              and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
              and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                and (d.deptype = 'e' or (c.relkind = 'S' and d.deptype in ('a', 'i'))))
        loop
          execute format('alter %s %s owner to epicommand_owner', case r.relkind when 'S' then 'sequence'
            when 'v' then 'view' when 'm' then 'materialized view' when 'f' then 'foreign table' else 'table' end,
            r.name);
        end loop;
        for r in select p.oid::regprocedure as name, p.prokind from pg_proc p
            where p.pronamespace = 'public'::regnamespace and p.proowner = 'postgres'::regrole
              and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid
                and d.deptype = 'e')
        loop
          execute format('alter %s %s owner to epicommand_owner', case r.prokind when 'p' then 'procedure'
            when 'a' then 'aggregate' else 'function' end, r.name);
        end loop;
        for r in select t.oid::regtype as name, t.typtype from pg_type t
            where t.typnamespace = 'public'::regnamespace and t.typowner = 'postgres'::regrole
              and (t.typtype in ('e', 'd', 'r') or (t.typtype = 'c'
                and (select relkind from pg_class where oid = t.typrelid) = 'c'))
              and not exists (select from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid
                and d.deptype = 'e')
        loop
          execute format('alter %s %s owner to epicommand_owner', case r.typtype when 'd' then 'domain'
            else 'type' end, r.name);
        end loop;
      end
      $$""";

  private DatabaseRoles() {}

  /** Creates the embedded database's two roles (idempotent; run as its superuser at every start). */
  static void prepareEmbedded(String superuserUrl) {
    try (Connection connection = DriverManager.getConnection(superuserUrl);
         Statement statement = connection.createStatement()) {
      statement.execute(EMBEDDED_SETUP);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot set up the roles of the embedded database: " + e.getMessage(), e);
    }
  }

  /**
   * As the owner, after the migrations: the runtime role's rights on what exists now and, by default
   * privileges, on what later migrations and partitions create. Idempotent (run at every start).
   */
  static void grantRuntime(DataSource owner, String runtimeRole) {
    JdbcClient jdbc = JdbcClient.create(owner);
    String role = jdbc.sql("select quote_ident(:role)").param("role", runtimeRole).query(String.class).single();
    List<String> statements = new java.util.ArrayList<>(List.of(
        "revoke create on schema public from public",
        "grant usage on schema public to " + role,
        "grant select, insert, update, delete on all tables in schema public to " + role,
        "grant usage, select on all sequences in schema public to " + role,
        "grant execute on all functions in schema public to " + role,
        "alter default privileges in schema public grant select, insert, update, delete on tables to " + role,
        "alter default privileges in schema public grant usage, select on sequences to " + role,
        "alter default privileges in schema public grant execute on functions to " + role));
    jdbc.sql("""
        select distinct t.tgrelid::regclass::text from pg_trigger t join pg_proc p on p.oid = t.tgfoid
        where not t.tgisinternal and p.proname like '%\\_append\\_only' and p.pronamespace = 'public'::regnamespace
        """).query(String.class).list()
        .forEach(table -> statements.add("revoke update, delete, truncate on " + table + " from " + role));
    if (jdbc.sql("select to_regclass('flyway_schema_history') is not null").query(Boolean.class).single()) {
      statements.add("revoke insert, update, delete, truncate on flyway_schema_history from " + role);
    }
    statements.forEach(sql -> jdbc.sql(sql).update());
  }
}
