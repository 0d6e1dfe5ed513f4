package org.epicommand.keygroup.internal;

import java.util.Optional;
import java.util.function.Supplier;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportRow;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import row stored through a facade — the same rules, audit and events as the pages and the API — in a
 * savepoint of its own, so that a refusal (which marks the transaction rollback-only on its way out) is undone and
 * becomes the row's error: the facade's first field problem, or {@code refused} on {@code field} for a conflict
 * (the conflict's own message, naming its state, when {@code refused} is null), or for a record not found or out of
 * reach.
 */
@Component
class RowAttempts {

  private final TransactionTemplate savepoint;

  RowAttempts(PlatformTransactionManager transactions) {
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  <T> Optional<T> attempt(ImportBatch batch, ImportRow row, String field, String refused, Supplier<T> call) {
    try {
      return Optional.ofNullable(savepoint.execute(status -> call.get()));
    } catch (ValidationFailure invalid) {
      FieldProblem problem = invalid.problems().get(0);
      batch.reject(row, problem.field(), problem.code(), problem.args().toArray());
    } catch (Conflict conflict) {
      if (refused == null) {
        batch.reject(row, field, conflict.code(), conflict.currentState());
      } else {
        batch.reject(row, field, refused);
      }
    } catch (RecordNotFound | AccessDeniedException unknown) {
      batch.reject(row, field, refused == null ? "keygroup.import.unknown" : refused);
    }
    return Optional.empty();
  }
}
