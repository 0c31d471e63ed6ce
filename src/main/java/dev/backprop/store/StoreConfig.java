package dev.backprop.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backprop.training.JobLedger;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job store {@code backprop.store.type} names: none (memory), the embedded database with a pool of its own, or
 * Boot's DataSource from {@code spring.datasource.*}. Flyway migrates either before the job service reads it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
class StoreConfig {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "backprop.store.type", havingValue = "embedded", matchIfMissing = true)
    EmbeddedStore embeddedStore(StoreProperties store) {
        return EmbeddedStore.start(store.path());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "backprop.store.type", havingValue = "embedded", matchIfMissing = true)
    HikariDataSource embeddedDataSource(EmbeddedStore store, StoreProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("job-store");
        config.setDataSource(store.dataSource());
        config.setMaximumPoolSize(properties.poolSize());
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        return new HikariDataSource(config);
    }

    @Bean
    @DependsOnDatabaseInitialization
    JobLedger jobLedger(StoreProperties store, ObjectProvider<DataSource> dataSource) {
        return store.type() == StoreProperties.Type.MEMORY ? JobLedger.NONE
                : new DatabaseJobLedger(dataSource.getObject(), store.writeInterval(), store.leaseTimeout(),
                        store.type() == StoreProperties.Type.EMBEDDED, store.keepFinished(), store.keepFor());
    }
}
