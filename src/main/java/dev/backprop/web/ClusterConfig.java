package dev.backprop.web;

import dev.backprop.session.SessionIds;
import dev.backprop.store.ReplicaRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This replica's session ids and, with {@code backprop.cluster.advertised-url}, its entry in the registry of replicas
 * (in the job store's database) through which the others forward it the requests for its sessions.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfig {
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);

    @Bean
    SessionIds sessionIds() {
        return SessionIds.forNewReplica();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("backprop.cluster.advertised-url")
    @DependsOnDatabaseInitialization
    ReplicaRegistry replicaRegistry(ClusterProperties cluster, SessionIds ids, ObjectProvider<DataSource> dataSource) {
        DataSource database = dataSource.getIfAvailable();
        if (database == null) {
            throw new IllegalStateException("backprop.cluster.advertised-url needs the replicas' shared database "
                    + "(backprop.store.type=external), through which they find each other");
        }
        return new ReplicaRegistry(database, ids.replica(), cluster.advertisedUrl(), HEARTBEAT);
    }
}
