package io.github.permissionmanager.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the house, checked on the main code: the public API in the root
 * package stands alone, decisions know nothing of the store, the web layer or the
 * enforcement path, the web layer speaks only the public API, and no two packages depend
 * on each other.
 */
@AnalyzeClasses(packages = "io.github.permissionmanager", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTests {

	private static final String ROOT = "io.github.permissionmanager";

	@ArchTest
	static final ArchRule rootPackageDependsOnNoOtherPackageOfOurs = noClasses().that()
		.resideInAPackage(ROOT)
		.should()
		.dependOnClassesThat(insideOursBut(ROOT));

	@ArchTest
	static final ArchRule decideDoesNotUseTheStoreTheWebLayerOrTheEnforcementPath = noClasses().that()
		.resideInAPackage(ROOT + ".decide..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(ROOT + ".store..", ROOT + ".web..", ROOT + ".enforce..");

	@ArchTest
	static final ArchRule webDependsOnlyOnTheRootPackageOfOurs = noClasses().that()
		.resideInAPackage(ROOT + ".web..")
		.should()
		.dependOnClassesThat(insideOursBut(ROOT, ROOT + ".web"));

	@ArchTest
	static final ArchRule actuatorSupportIsUsedOnlyByTheAutoConfiguration = noClasses().that()
		.resideOutsideOfPackages(ROOT + ".actuate..", ROOT + ".autoconfigure..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage(ROOT + ".actuate..");

	@ArchTest
	static final ArchRule observationIsUsedOnlyByTheAutoConfiguration = noClasses().that()
		.resideOutsideOfPackages(ROOT + ".observation..", ROOT + ".autoconfigure..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage(ROOT + ".observation..");

	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

	// Classes of our packages other than the given ones (and their subpackages, for
	// all but the root)
	private static DescribedPredicate<JavaClass> insideOursBut(String... allowed) {
		return DescribedPredicate.describe("classes of another package of ours", (type) -> {
			String name = type.getPackageName();
			if (!name.equals(ROOT) && !name.startsWith(ROOT + ".")) {
				return false;
			}
			for (String permitted : allowed) {
				if (name.equals(permitted) || (!permitted.equals(ROOT) && name.startsWith(permitted + "."))) {
					return false;
				}
			}
			return true;
		});
	}

}
