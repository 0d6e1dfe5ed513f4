package org.epicommand.analytics.internal;

/**
 * A deterministic SEIR model integrated with the classical fourth-order Runge–Kutta method:
 * S' = −β(t)·S·I/N, E' = β(t)·S·I/N − σE, I' = σE − γI, R' = γI, with σ = 1/latent period and
 * γ = 1/infectious period. New cases are the flow E → I (onset of infectiousness), accumulated in
 * a fifth state C so that a day's new cases are C(d+1) − C(d). β may drop on an intervention day
 * (a whole day, so no Runge–Kutta step straddles the change). Output once a day, day 0 = the start.
 */
public final class Seir {

  private Seir() {}

  /**
   * {@code interventionDay} &lt; 0 means none; from that day on β is {@code interventionBeta}.
   * {@code stepsPerDay} Runge–Kutta steps per day (the step must stay well below 1/σ and 1/γ).
   */
  public record Parameters(double population, double beta, double latentDays, double infectiousDays, double exposed0,
      double infectious0, double removed0, int days, int interventionDay, double interventionBeta, int stepsPerDay) {

    public Parameters {
      if (!(population > 0) || !(beta >= 0) || !(latentDays > 0) || !(infectiousDays > 0) || !(exposed0 >= 0)
          || !(infectious0 >= 0) || !(removed0 >= 0) || exposed0 + infectious0 + removed0 > population || days < 1
          || !(interventionBeta >= 0) || stepsPerDay < 1) {
        throw new IllegalArgumentException("invalid SEIR parameters");
      }
    }

    double betaOn(int day) {
      return interventionDay >= 0 && day >= interventionDay ? interventionBeta : beta;
    }
  }

  /**
   * Daily values for days 0 … days (inclusive): compartments at the start of each day, and
   * {@code newCases[d]} = cases becoming infectious during day d (d = 0 … days − 1).
   */
  public record Run(double[] s, double[] e, double[] i, double[] r, double[] newCases) {}

  public static Run run(Parameters p) {
    int days = p.days();
    double[] s = new double[days + 1];
    double[] e = new double[days + 1];
    double[] in = new double[days + 1];
    double[] r = new double[days + 1];
    double[] cases = new double[days];
    double[] y = {p.population() - p.exposed0() - p.infectious0() - p.removed0(), p.exposed0(), p.infectious0(),
        p.removed0(), 0};
    double sigma = 1 / p.latentDays();
    double gamma = 1 / p.infectiousDays();
    double h = 1.0 / p.stepsPerDay();
    record(y, s, e, in, r, 0);
    for (int day = 0; day < days; day++) {
      double beta = p.betaOn(day);
      double before = y[4];
      for (int step = 0; step < p.stepsPerDay(); step++) {
        y = rk4(y, h, beta, sigma, gamma, p.population());
      }
      cases[day] = y[4] - before;
      record(y, s, e, in, r, day + 1);
    }
    return new Run(s, e, in, r, cases);
  }

  /**
   * The initial exponential growth rate of the linearised system (S ≈ N): the dominant eigenvalue of
   * [[−σ, β], [σ, −γ]], r = (−(σ + γ) + √((σ − γ)² + 4σβ)) / 2.
   */
  public static double growthRate(double beta, double latentDays, double infectiousDays) {
    double sigma = 1 / latentDays;
    double gamma = 1 / infectiousDays;
    return (-(sigma + gamma) + Math.sqrt((sigma - gamma) * (sigma - gamma) + 4 * sigma * beta)) / 2;
  }

  /**
   * Persons present on each projected day when every case brings {@code perCase} persons who stay
   * {@code stayDays} days from the day of the case (quarantined contacts, hospitalised cases):
   * perCase × the cases of the last {@code stayDays} days, reaching back into {@code history}
   * (the observed daily cases before day 0, oldest first).
   */
  public static double[] occupancy(double[] history, double[] projected, double perCase, int stayDays) {
    double[] present = new double[projected.length];
    for (int day = 0; day < projected.length; day++) {
      double sum = 0;
      for (int back = 0; back < stayDays; back++) {
        int d = day - back;
        if (d >= 0) {
          sum += projected[d];
        } else if (history.length + d >= 0) {
          sum += history[history.length + d];
        }
      }
      present[day] = perCase * sum;
    }
    return present;
  }

  private static void record(double[] y, double[] s, double[] e, double[] i, double[] r, int day) {
    s[day] = y[0];
    e[day] = y[1];
    i[day] = y[2];
    r[day] = y[3];
  }

  private static double[] rk4(double[] y, double h, double beta, double sigma, double gamma, double n) {
    double[] k1 = derivative(y, beta, sigma, gamma, n);
    double[] k2 = derivative(add(y, k1, h / 2), beta, sigma, gamma, n);
    double[] k3 = derivative(add(y, k2, h / 2), beta, sigma, gamma, n);
    double[] k4 = derivative(add(y, k3, h), beta, sigma, gamma, n);
    double[] next = new double[y.length];
    for (int j = 0; j < y.length; j++) {
      next[j] = y[j] + h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
    }
    return next;
  }

  private static double[] derivative(double[] y, double beta, double sigma, double gamma, double n) {
    double infection = beta * y[0] * y[2] / n;
    double onset = sigma * y[1];
    double removal = gamma * y[2];
    return new double[] {-infection, infection - onset, onset - removal, removal, onset};
  }

  private static double[] add(double[] y, double[] k, double factor) {
    double[] out = new double[y.length];
    for (int j = 0; j < y.length; j++) {
      out[j] = y[j] + factor * k[j];
    }
    return out;
  }
}
