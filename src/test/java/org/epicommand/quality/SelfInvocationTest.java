package org.epicommand.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;

/**
 * A call from a method of a bean to a {@code @Transactional} method of the same bean does not pass through
 * the proxy, so it runs without the transaction its callee declares (a scheduled sweep that claims and
 * notifies would commit each statement on its own). The caller must then declare the transaction itself.
 */
class SelfInvocationTest {

  @Test
  void aMethodCallingATransactionalMethodOfItsOwnClassDeclaresTheTransactionItself() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.epicommand");
    List<String> found = new ArrayList<>();
    for (JavaClass owner : classes) {
      if (owner.isAnnotatedWith(Transactional.class)) {
        continue;
      }
      for (JavaMethod caller : owner.getMethods()) {
        // a private helper runs in whatever its callers declare; the entry points are checked
        if (caller.isAnnotatedWith(Transactional.class) || caller.getModifiers().contains(JavaModifier.PRIVATE)) {
          continue;
        }
        for (JavaMethodCall call : caller.getMethodCallsFromSelf()) {
          if (call.getTargetOwner().equals(owner) && call.getTarget().resolveMember()
              .filter(callee -> callee.isAnnotatedWith(Transactional.class)).isPresent()) {
            found.add(owner.getSimpleName() + "." + caller.getName() + " → " + call.getName());
          }
        }
      }
    }
    assertThat(found).as("methods reaching a @Transactional method of their own class around the proxy").isEmpty();
  }
}
