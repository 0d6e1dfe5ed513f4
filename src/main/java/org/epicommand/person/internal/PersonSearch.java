package org.epicommand.person.internal;

import java.util.Optional;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A search for persons inside a scope: by name prefix, by the tail (last 4+ characters) of the
 * document number, by phone prefix, or everyone. Each form is served by its own index
 * (see the person migration); the scope predicate is always there.
 */
public record PersonSearch(JurisdictionScope scope, String term) {

  String sql(String columns) {
    String scoped = "select " + columns + " from person p where " + scope.predicate("p.jurisdiction_path");
    if (term == null) {
      return scoped + " order by p.jurisdiction_path, p.name, p.id";
    }
    Optional<String> digits = PersonRules.digits(term);
    if (digits.isPresent()) {
      return scoped + " and (reverse(p.id_number) like :tail or p.phone like :prefix) order by p.name, p.id";
    }
    return scoped + " and p.name like :prefix order by p.name, p.id";
  }

  JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
    statement = scope.bind(statement);
    if (term == null) {
      return statement;
    }
    Optional<String> digits = PersonRules.digits(term);
    if (digits.isPresent()) {
      return statement.param("tail", new StringBuilder(digits.get()).reverse() + "%")
          .param("prefix", digits.get() + "%");
    }
    return statement.param("prefix", LikePattern.prefix(term.strip()));
  }
}
