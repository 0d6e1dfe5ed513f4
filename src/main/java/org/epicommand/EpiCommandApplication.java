package org.epicommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EpiCommandApplication {
  public static void main(String[] args) {
    SpringApplication.run(EpiCommandApplication.class, args);
  }
}
