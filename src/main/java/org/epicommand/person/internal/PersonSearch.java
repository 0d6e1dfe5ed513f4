package org.epicommand.person.internal;

import java.util.Optional;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A search for persons inside a scope: by name prefix, by the tail (last 4+ characters) of the
 * document number, by a full mobile number, or everyone. Each form is served by its own index
 * (see the person migrations) in that index's order; the scope predicate is always there.
 */
public record PersonSearch(JurisdictionScope scope, String term) {

  String sql(String columns) {
    String scoped = "select " + columns + " from person p where " + scope.predicate("p.jurisdiction_path");
    if (term == null) {
      return scoped + " order by p.jurisdiction_path, p.name, p.id";
    }
    Optional<String> digits = PersonRules.digits(term);
    if (digits.isPresent() && isMobile(digits.get())) {
      return scoped + " and (p.phone = :phone or reverse(p.id_number) like :tail) order by p.name, p.id";
    }
    if (digits.isPresent()) {
      return scoped + " and reverse(p.id_number) like :tail order by reverse(p.id_number), p.id";
    }
    return scoped + " and p.name like :prefix order by p.name, p.id";
  }

  private static boolean isMobile(String digits) {
    return digits.length() == 11 && digits.charAt(0) == '1';
  }

  JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
    statement = scope.bind(statement);
    if (term == null) {
      return statement;
    }
    Optional<String> digits = PersonRules.digits(term);
    if (digits.isPresent()) {
      statement = statement.param("tail", new StringBuilder(digits.get()).reverse() + "%");
      return isMobile(digits.get()) ? statement.param("phone", digits.get()) : statement;
    }
    return statement.param("prefix", LikePattern.prefix(term.strip()));
  }
}
