package cn.kaoping.organisation;

import java.time.LocalDate;

/**
 * How an estate is governed, as the honour re-evaluation's vetoes read it (seed 002 一、1–2): its management mode,
 * its owners' committee's term end ({@code null} without a committee), its contract start ({@code null} when no
 * contract is recorded) and its present company.
 */
public record EstateGovernance(long estateId, String name, String regionPath, ManagementMode mode,
                               LocalDate committeeTermEnd, LocalDate contractStart, Long companyId,
                               String companyName) {
}
