package io.fulfillment.chassis.testapp;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@ChassisContextTest
class ProblemDetailsIT {

    @Autowired
    MockMvc mvc;

    @Test
    void malformedJsonIsBadRequest() throws Exception {
        mvc.perform(post("/probe/orders")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sku\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void invalidBodyNamesTheField() throws Exception {
        mvc.perform(post("/probe/orders")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sku\": \"SKU-1\", \"quantity\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void invalidPathVariableNamesTheParameter() throws Exception {
        mvc.perform(get("/probe/items/much-too-long"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("id")));
    }

    @Test
    void typeMismatchIsBadRequest() throws Exception {
        mvc.perform(get("/probe/items/abc").param("page", "first"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void domainConflictIsConflictWithCode() throws Exception {
        mvc.perform(post("/probe/refusals/stock-exhausted"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("stock-exhausted"))
                .andExpect(jsonPath("$.detail").value("probe refused with stock-exhausted"));
    }

    @Test
    void refusalThroughTheCommandBusIsConflictWithCode() throws Exception {
        MvcResult started = mvc.perform(post("/probe/commands/refusals/order-closed"))
                .andExpect(request().asyncStarted())
                .andReturn();

        mvc.perform(asyncDispatch(started))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("order-closed"));
    }

    @Test
    void unknownRouteIsNotFoundProblem() throws Exception {
        mvc.perform(get("/no/such/route"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/no/such/route"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void wrongMethodIsMethodNotAllowedProblem() throws Exception {
        mvc.perform(get("/probe/orders"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
