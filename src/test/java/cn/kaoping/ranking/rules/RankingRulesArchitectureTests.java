package cn.kaoping.ranking.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class RankingRulesArchitectureTests {

    @Test
    void theRankingRulesArePlainJava() {
        noClasses().that().resideInAPackage("cn.kaoping.ranking.rules").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..")
                .check(new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                        .importPackages("cn.kaoping.ranking.rules"));
    }
}
