package org.epicommand.labtest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

/** For labtest tests: records the module's positive-result events published while a test runs. */
abstract class RecordsLabtestEvents {

  @Autowired
  ApplicationEventMulticaster multicaster;

  final List<Object> published = new CopyOnWriteArrayList<>();
  private final ApplicationListener<ApplicationEvent> listener = event -> {
    if (event instanceof PayloadApplicationEvent<?> payload
        && (payload.getPayload() instanceof PositivePoolsFound || payload.getPayload() instanceof SingleTubePositive
            || payload.getPayload() instanceof TubesResulted)) {
      published.add(payload.getPayload());
    }
  };

  @BeforeEach
  void listen() {
    multicaster.addApplicationListener(listener);
  }

  @AfterEach
  void stopListening() {
    multicaster.removeApplicationListener(listener);
  }

  /** The positive pools published so far, from every batch event. */
  List<PositivePoolFound> positivePools() {
    return published.stream().filter(PositivePoolsFound.class::isInstance)
        .flatMap(e -> ((PositivePoolsFound) e).pools().stream()).toList();
  }
}
