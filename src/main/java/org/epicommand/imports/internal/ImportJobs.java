package org.epicommand.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.imports.ImportStatus;
import org.epicommand.platform.DatabaseAvailability;
import org.epicommand.platform.SystemFailure;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs: spools the upload, reads it row by row, hands batches to the kind's handler and
 * commits each batch with its errors and counters. Jobs left RUNNING by a crash resume on start-up.
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
public class ImportJobs {

  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

  private final Map<String, ImportHandler> handlers;
  private final Map<String, HeaderSearch> headers;
  private final ImportJobRepository jobs;
  private final TransactionTemplate transactions;
  private final MessageSource messages;
  private final ImportProperties properties;
  private final Optional<ImportPrincipals> principals;
  private final Clock clock;
  private final DatabaseAvailability database;
  private final ExecutorService executor;

  ImportJobs(List<ImportHandler> handlers, ImportJobRepository jobs, TransactionTemplate transactions,
      MessageSource messages, ImportProperties properties, Optional<ImportPrincipals> principals, Clock clock,
      DatabaseAvailability database) {
    this.database = database;
    this.handlers = handlers.stream().collect(Collectors.toMap(ImportHandler::kind, Function.identity()));
    this.headers = handlers.stream().collect(Collectors.toMap(ImportHandler::kind, HeaderSearch::of));
    this.jobs = jobs;
    this.transactions = transactions;
    this.messages = messages;
    this.properties = properties;
    this.principals = principals;
    this.clock = clock;
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(Math.max(1, properties.concurrentJobs()), r -> {
      Thread thread = new Thread(r, "import-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Spools the upload and starts its job; the caller must hold the kind's authority. */
  public Submitted submit(String kind, String fileName, InputStream content, String charset, Authentication caller,
      Locale locale) {
    ImportHandler handler = handlers.get(kind);
    if (handler == null) {
      throw new RecordNotFound("import kind");
    }
    boolean allowed = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(handler.requiredAuthority()::equals);
    if (!allowed) {
      throw new AccessDeniedException("import " + kind);
    }
    Charset given;
    try {
      given = SpooledFile.named(charset);
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure(FieldProblem.of("charset", "import.charset"));
    }
    UUID id = UUID.randomUUID();
    Path upload = null;
    Path spool = null;
    try {
      Path directory = Files.createDirectories(properties.spoolDirectory().toAbsolutePath());
      upload = directory.resolve(id + ".upload");
      Files.copy(content, upload, StandardCopyOption.REPLACE_EXISTING);
      spool = directory.resolve(id + ".csv");
      Charset effective;
      if (SpooledFile.isXlsx(upload)) {
        XlsxToCsv.convert(upload, spool, headers.get(kind));
        Files.delete(upload);
        effective = StandardCharsets.UTF_8;
      } else {
        Files.move(upload, spool, StandardCopyOption.REPLACE_EXISTING);
        effective = given != null ? given : SpooledFile.detectCharset(spool);
      }
      jobs.create(new ImportJobRepository.Job(id, kind, "RUNNING", displayName(fileName), spool.toString(),
          effective.name(), caller.getName(), locale.toLanguageTag(), 0, Files.size(spool)), clock.instant());
    } catch (IOException | RuntimeException e) {
      deleteQuietly(upload);
      deleteQuietly(spool);
      if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith("not a readable XLSX")) {
        throw new ValidationFailure(FieldProblem.of("file", "import.unreadableXlsx"));
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    Future<?> running = executor.submit(() -> run(id, caller));
    return new Submitted(id, running);
  }

  /** A started job, and a handle to wait for its end ({@code ?wait=true}). */
  public record Submitted(UUID id, Future<?> running) {}

  /** The uploaded file's own name, without any path, at most 255 characters and no control characters. */
  static String displayName(String fileName) {
    if (fileName == null) {
      return null;
    }
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
    return name.length() <= 255 ? name : name.substring(name.length() - 255);
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        log.warn("Could not delete {}", file);
      }
    }
  }

  public Optional<ImportStatus> status(UUID id, String username) {
    String owner = jobs.owner(id);
    if (owner == null || !owner.equals(username)) {
      return Optional.empty();
    }
    return jobs.status(id);
  }

  public List<ImportStatus.RowError> errors(UUID id, String username, long offset, int limit) {
    if (!username.equals(jobs.owner(id))) {
      throw new RecordNotFound("import");
    }
    return jobs.errors(id, offset, limit);
  }

  public List<ImportStatus.RowWarning> warnings(UUID id, String username, long offset, int limit) {
    if (!username.equals(jobs.owner(id))) {
      throw new RecordNotFound("import");
    }
    return jobs.warnings(id, offset, limit);
  }

  public List<ImportStatus> recent(String username) {
    return jobs.recentOf(username, 20);
  }

  public List<String> kindsFor(Authentication caller) {
    return handlers.values().stream()
        .filter(h -> caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(h.requiredAuthority())))
        .map(ImportHandler::kind).sorted().toList();
  }

  /** The columns of each of these kinds, with the other headers each accepts, by kind. */
  public Map<String, List<org.epicommand.imports.ImportColumn>> columnsOf(List<String> kinds) {
    Map<String, List<org.epicommand.imports.ImportColumn>> columns = new java.util.LinkedHashMap<>();
    kinds.forEach(kind -> columns.put(kind, handlers.get(kind).importColumns()));
    return columns;
  }

  @EventListener(ApplicationReadyEvent.class)
  void resumeInterrupted() {
    for (UUID id : jobs.running()) {
      ImportJobRepository.Job job = jobs.find(id).orElseThrow();
      Optional<Authentication> auth = principals.flatMap(p -> p.authenticationOf(job.username()));
      if (auth.isEmpty()) {
        jobs.finish(id, "FAILED", "the user who started this import no longer exists", clock.instant());
        continue;
      }
      log.info("Resuming import {} ({}) after row {}", id, job.kind(), job.rowsProcessed());
      executor.submit(() -> run(id, auth.get()));
    }
  }

  void run(UUID id, Authentication caller) {
    ImportJobRepository.Job job = jobs.find(id).orElseThrow();
    ImportHandler handler = handlers.get(job.kind());
    Locale locale = Locale.forLanguageTag(job.locale());
    SecurityContextHolder.getContext().setAuthentication(caller);
    try {
      new ImportRun(job, handler, locale, headers.get(job.kind()), jobs, transactions, messages)
          .execute();
      jobs.finish(id, "DONE", null, clock.instant());
    } catch (ImportRun.HeaderProblem e) {
      jobs.finish(id, "FAILED", e.getMessage(), clock.instant());
    } catch (BatchHandoff.Interrupted e) {
      log.info("Import {} interrupted; it resumes after its last committed batch on the next start", id);
    } catch (IOException | RuntimeException e) {
      Optional<SystemFailure> system = SystemFailure.of(e);
      if (system.filter(SystemFailure.DATABASE_UNAVAILABLE::equals).isPresent()) {
        // nothing of the batch in flight was committed: go on after the last committed one once the database is back
        log.warn("Import {} paused until the database is back: {}", id, e.getMessage());
        database.reportFailure(e);
        database.afterRecovery(() -> {
          log.info("Resuming import {} after its last committed batch", id);
          executor.submit(() -> run(id, caller));
        });
        return;
      }
      boolean diskFull = system.filter(SystemFailure.DISK_FULL::equals).isPresent();
      log.error("Import {} failed{}", id, diskFull ? ": the disk is full" : "", diskFull ? null : e);
      jobs.finish(id, "FAILED", text(locale, diskFull ? "error.import.diskFull" : "error.import.failed"),
          clock.instant());
    } finally {
      SecurityContextHolder.clearContext();
    }
    if (jobs.find(id).map(j -> !"RUNNING".equals(j.status())).orElse(false)) {
      try {
        Files.deleteIfExists(Path.of(job.spoolPath()));
      } catch (IOException e) {
        log.warn("Could not delete spooled file {}", job.spoolPath());
      }
    }
  }

  private String text(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }


  @jakarta.annotation.PreDestroy
  void shutdown() {
    executor.shutdownNow();
  }
}
