package com.eplly.api.experiment;

import com.eplly.contracts.experiment.ArmAssigner;
import com.eplly.contracts.experiment.ExperimentJson;
import com.eplly.contracts.experiment.ExperimentReporter;
import com.eplly.contracts.experiment.stats.AlwaysValidTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared experiment contract's pieces the api uses (contracts has no Spring). */
@Configuration(proxyBeanMethods = false)
class ExperimentConfig {

  @Bean
  ExperimentJson experimentJson() {
    return new ExperimentJson();
  }

  @Bean
  ArmAssigner armAssigner() {
    return new ArmAssigner();
  }

  @Bean
  ExperimentReporter experimentReporter() {
    return new ExperimentReporter(new AlwaysValidTest(AlwaysValidTest.DEFAULT_TAU));
  }
}
