package org.epicommand.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.epicommand.imports.ImportRow;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** Warnings on a batch's rows: in the importer's language, one per row, field and key, none on a rejected row. */
class RecordingBatchTest {

  @Test
  void warningsAreWordedOncePerRowFieldAndKeyAndDroppedForRejectedRows() {
    StaticMessageSource messages = new StaticMessageSource();
    messages.addMessage("warning.test.pooled", Locale.CHINESE, "{0}须单管单检");
    messages.addMessage("error.test.bad", Locale.CHINESE, "不对");
    ImportJobRepository.Job job = new ImportJobRepository.Job(UUID.randomUUID(), "tubes", "RUNNING", "a.csv", "/tmp/a",
        "UTF-8", "lab", "zh", 0, 0);
    RecordingBatch batch = new RecordingBatch(job, Locale.CHINESE, messages);
    ImportRow two = row(2);
    ImportRow three = row(3);
    batch.warn(two, "memberIdNumber", "test.pooled", "冷链从业人员");
    batch.warn(two, "memberIdNumber", "test.pooled", "冷链从业人员");
    batch.warn(three, "memberIdNumber", "test.pooled", "港口人员");
    batch.reject(three, "siteCode", "test.bad");

    List<ImportJobRepository.Warning> warnings = batch.warnings();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).warning().row()).isEqualTo(2);
    assertThat(warnings.get(0).warning().code()).isEqualTo("test.pooled");
    assertThat(warnings.get(0).warning().message()).isEqualTo("冷链从业人员须单管单检");
    assertThat(warnings.get(0).args()).containsExactly("冷链从业人员");
    assertThat(batch.rejectedCount()).isEqualTo(1);
  }

  private static ImportRow row(int line) {
    return new ImportRow(line, List.of("x"), Map.of("a", 0));
  }
}
