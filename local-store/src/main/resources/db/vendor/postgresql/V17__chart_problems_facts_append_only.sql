-- PostgreSQL: problem, allergy, contraindication and infection content tables refuse UPDATE, DELETE and TRUNCATE (docs/adr/0025; function from V15).
CREATE TRIGGER chart_problem_content_append_only BEFORE UPDATE OR DELETE ON chart_problem_content
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_problem_content_no_truncate BEFORE TRUNCATE ON chart_problem_content
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_problem_modifier_append_only BEFORE UPDATE OR DELETE ON chart_problem_modifier
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_problem_modifier_no_truncate BEFORE TRUNCATE ON chart_problem_modifier
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_allergy_content_append_only BEFORE UPDATE OR DELETE ON chart_allergy_content
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_allergy_content_no_truncate BEFORE TRUNCATE ON chart_allergy_content
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_contraindication_content_append_only BEFORE UPDATE OR DELETE ON chart_contraindication_content
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_contraindication_content_no_truncate BEFORE TRUNCATE ON chart_contraindication_content
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_infection_content_append_only BEFORE UPDATE OR DELETE ON chart_infection_content
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_infection_content_no_truncate BEFORE TRUNCATE ON chart_infection_content
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
