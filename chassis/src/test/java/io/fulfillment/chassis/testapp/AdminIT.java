package io.fulfillment.chassis.testapp;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ChassisContextTest
class AdminIT {

    private static final String SAGA_PROCESSOR = "DeadlineProbeSagaProcessor";

    @Autowired
    MockMvc mvc;

    @Test
    void listsEveryEventProcessorWithItsPosition() throws Exception {
        mvc.perform(get("/admin/processors"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.name == '%s')].running", SAGA_PROCESSOR).value(true))
                .andExpect(jsonPath("$[?(@.name == '%s')].supportsReplay", SAGA_PROCESSOR)
                        .value(false));
    }

    @Test
    void refusesToReplayASaga() throws Exception {
        mvc.perform(post("/admin/processors/{name}/replay", SAGA_PROCESSOR))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("admin.replay-not-supported"));
    }

    @Test
    void answersNotFoundForAnUnknownProcessor() throws Exception {
        mvc.perform(post("/admin/processors/{name}/replay", "no-such-processor"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersNotFoundWhenEvictingFromAGroupWithoutDeadLetterQueue() throws Exception {
        mvc.perform(delete("/admin/dead-letters/{group}/{id}", SAGA_PROCESSOR, "nothing"))
                .andExpect(status().isNotFound());
    }
}
