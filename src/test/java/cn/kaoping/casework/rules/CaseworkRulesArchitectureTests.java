package cn.kaoping.casework.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CaseworkRulesArchitectureTests {

    @Test
    void theCaseworkRulesArePlainJava() {
        noClasses().that().resideInAPackage("cn.kaoping.casework.rules").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "cn.kaoping.platform..", "cn.kaoping.shared..")
                .check(new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                        .importPackages("cn.kaoping.casework.rules"));
    }
}
