package com.eplly.api.editorial;

import com.eplly.contracts.editorial.EditorialRuleJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The editorial rules' JSON, shared by the store and the admin endpoints. */
@Configuration
class EditorialConfig {

  @Bean
  EditorialRuleJson editorialRuleJson() {
    return new EditorialRuleJson();
  }
}
