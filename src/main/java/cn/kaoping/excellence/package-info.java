/**
 * Honour re-evaluation 市优复评 (seed 002, Hangzhou 2018; issue 16): a register of honours and the campaign that
 * re-evaluates the titles due — district lists confirmed, vetoes checked from data and confirmed by a person,
 * publicity at three places for seven days, the company's application endorsed by the owners' committee, owner
 * satisfaction over all owners, an expert panel free of conflicts, the residents' committee's score, the composite
 * by the Hangzhou scheme, public 公示 with objections, and the published result that changes the register.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Excellence")
package cn.kaoping.excellence;
