package org.epicommand.platform;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first, English complete. The language is, in order: the one chosen on a page (cookie,
 * set with {@code ?lang=en}), the request's {@code Accept-Language}, or zh-CN.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

  static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);
  private static final String COOKIE = "epicommand-lang";

  @Bean
  LocaleResolver localeResolver() {
    return new LanguageResolver();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }

  static final class LanguageResolver implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
      if (request.getAttribute(COOKIE) instanceof Locale chosen) {
        return chosen;
      }
      Cookie[] cookies = request.getCookies();
      if (cookies != null) {
        for (Cookie cookie : cookies) {
          if (COOKIE.equals(cookie.getName())) {
            return supported(Locale.forLanguageTag(cookie.getValue()));
          }
        }
      }
      String header = request.getHeader("Accept-Language");
      if (header != null && !header.isBlank()) {
        try {
          Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
          if (best != null) {
            return best;
          }
          for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
            if (range.getRange().startsWith("en")) {
              return Locale.ENGLISH;
            }
            if (range.getRange().startsWith("zh")) {
              return CHINESE;
            }
          }
        } catch (IllegalArgumentException malformed) {
          return CHINESE;
        }
      }
      return CHINESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
      Locale chosen = supported(locale);
      request.setAttribute(COOKIE, chosen);
      if (response == null) {
        return;
      }
      Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
      cookie.setPath("/");
      cookie.setHttpOnly(true);
      cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
    }

    private static Locale supported(Locale locale) {
      return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }
  }
}
