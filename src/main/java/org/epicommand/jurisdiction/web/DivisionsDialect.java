package org.epicommand.jurisdiction.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #divisions} on every page: a division's name for its code ({@code ${#divisions.name(o.jurisdictionCode)}}),
 * so that lists show 北关社区, not 990101001001 (the fragment {@code fragments/division :: name(code)} adds the
 * code in small grey type). Each page render looks each code up once.
 */
@Component
class DivisionsDialect extends AbstractDialect implements IExpressionObjectDialect {

  private final Jurisdictions jurisdictions;

  DivisionsDialect(Jurisdictions jurisdictions) {
    super("epicommand-divisions");
    this.jurisdictions = jurisdictions;
  }

  @Override
  public IExpressionObjectFactory getExpressionObjectFactory() {
    return new IExpressionObjectFactory() {
      @Override
      public Set<String> getAllExpressionObjectNames() {
        return Set.of("divisions");
      }

      @Override
      public Object buildObject(IExpressionContext context, String name) {
        return new Names(jurisdictions);
      }

      @Override
      public boolean isCacheable(String name) {
        return true;
      }
    };
  }

  /** The names of one page render. */
  public static final class Names {

    private final Jurisdictions jurisdictions;
    private final Map<String, String> names = new HashMap<>();

    Names(Jurisdictions jurisdictions) {
      this.jurisdictions = jurisdictions;
    }

    /** The division's name; the code itself when there is no such division; null for no code. */
    public String name(String code) {
      if (code == null || code.isBlank()) {
        return null;
      }
      return names.computeIfAbsent(code, c -> jurisdictions.find(c).map(Jurisdiction::name).orElse(c));
    }

    /** Whether the code names a known division (else {@link #name} answers the code). */
    public boolean known(String code) {
      String name = name(code);
      return name != null && !name.equals(code);
    }
  }
}
