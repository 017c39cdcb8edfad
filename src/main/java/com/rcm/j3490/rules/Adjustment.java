package com.rcm.j3490.rules;

import java.math.BigDecimal;

/** One CAS adjustment: group code, CARC reason, amount and optional quantity. */
public record Adjustment(String group, String reason, BigDecimal amount, BigDecimal quantity) {
    public String code() {
        return group + "-" + reason;
    }

    public boolean isPositive() {
        return Money.isPositive(amount);
    }

    public boolean is(String group, String reason) {
        return this.group.equals(group) && this.reason.equals(reason);
    }

    public boolean isPatientResponsibility() {
        return "PR".equals(group);
    }

    public boolean isContractualWriteOff() {
        return is("CO", "45");
    }
}
