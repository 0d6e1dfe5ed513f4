package org.epicommand.quarantine.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.epicommand.quarantine.RuleSet;
import org.epicommand.quarantine.RuleSets;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #ruleSets} on every page: a rule set's name in the page's language for its code
 * ({@code ${#ruleSets.name(order.ruleSet)}} reads 第九版防控方案, not V9).
 */
@Component
class RuleSetNamesDialect extends AbstractDialect implements IExpressionObjectDialect {

  private final RuleSets ruleSets;

  RuleSetNamesDialect(RuleSets ruleSets) {
    super("epicommand-rule-sets");
    this.ruleSets = ruleSets;
  }

  @Override
  public IExpressionObjectFactory getExpressionObjectFactory() {
    return new IExpressionObjectFactory() {
      @Override
      public Set<String> getAllExpressionObjectNames() {
        return Set.of("ruleSets");
      }

      @Override
      public Object buildObject(IExpressionContext context, String name) {
        return new Names(ruleSets, context.getLocale());
      }

      @Override
      public boolean isCacheable(String name) {
        return true;
      }
    };
  }

  /** The names of one page render. */
  public static final class Names {

    private final RuleSets ruleSets;
    private final boolean english;
    private final Map<String, String> names = new HashMap<>();

    Names(RuleSets ruleSets, Locale locale) {
      this.ruleSets = ruleSets;
      this.english = locale != null && "en".equals(locale.getLanguage());
    }

    /** The rule set's name; its code when there is no such rule set; null for no code. */
    public String name(String code) {
      if (code == null || code.isBlank()) {
        return null;
      }
      return names.computeIfAbsent(code, c -> ruleSets.find(c).map(this::name).orElse(c));
    }

    public String name(RuleSet ruleSet) {
      return english ? ruleSet.nameEn() : ruleSet.nameZh();
    }
  }
}
