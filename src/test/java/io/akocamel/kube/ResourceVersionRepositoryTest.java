package io.akocamel.kube;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceVersionRepositoryTest {
    final ResourceVersionRepository repository = new ResourceVersionRepository();

    @Test
    void replayOfTheLatestVersionIsADuplicate() {
        assertThat(repository.add("Ingress/ns/web@5")).isTrue();
        assertThat(repository.add("Ingress/ns/web@5")).isFalse();
        assertThat(repository.add("Ingress/ns/web@6")).isTrue();
        assertThat(repository.add("Ingress/ns/other@6")).isTrue();
    }

    @Test
    void deletionAlwaysPassesAndForgetsTheObject() {
        repository.add("Ingress/ns/web@5");
        assertThat(repository.add("Ingress/ns/web@5" + ResourceVersionRepository.DELETED_SUFFIX)).isTrue();
        assertThat(repository.size()).isZero();
        assertThat(repository.add("Ingress/ns/web@5")).as("re-created under the same name").isTrue();
    }

    @Test
    void failedVersionIsForgottenSoItsRedeliveryIsProcessed() {
        repository.add("Service/ns/svc@9");
        assertThat(repository.remove("Service/ns/svc@8")).as("another version stays").isFalse();
        assertThat(repository.remove("Service/ns/svc@9")).isTrue();
        assertThat(repository.add("Service/ns/svc@9")).isTrue();
    }
}
