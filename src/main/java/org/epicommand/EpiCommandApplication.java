package org.epicommand;

import org.epicommand.platform.Startup;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EpiCommandApplication {
  public static void main(String[] args) {
    Startup.run(EpiCommandApplication.class, args);
  }
}
